import { NeuriteError, type NeuriteErrorOptions } from '@neurite/tensor/errors';

/**
 * The typed error of @neurite/hdl. `argument` names the graph node (or option, or file) at fault;
 * codes: `ERR_UNSUPPORTED` (a node type or graph form the hardware mapping does not cover: branches,
 * cycles, nested graphs), `ERR_SHAPE`, `ERR_OUT_OF_RANGE` (a bit width or format that cannot hold a value),
 * `ERR_FILE` (design directory files), `ERR_STATE` (a missing external tool: the message names the
 * Debian package), `ERR_INVALID_ARGUMENT`.
 */
export class HdlError extends NeuriteError {
  constructor(argument: string, message: string, options: Omit<NeuriteErrorOptions, 'argument'> = {}) {
    super(message, { ...options, argument });
    this.name = 'HdlError';
  }
}

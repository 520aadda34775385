// A browser program that binds two HRR vectors and nothing else.
import { createVsa } from '@neurite/hrr';
const vsa = createVsa({ model: 'hrr', dim: 1024 });
const [a, b] = [vsa.random(1), vsa.random(2)];
console.log(vsa.similarity(vsa.unbind(vsa.bind(a, b), b), a));

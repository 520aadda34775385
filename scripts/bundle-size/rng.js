// A browser program that only draws seeded random numbers.
import { createRng } from '@neurite/tensor';
console.log(createRng(42).normal());

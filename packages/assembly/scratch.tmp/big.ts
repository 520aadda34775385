import { Brain } from '../src/index.js';
const rounds = +(process.env.R ?? 50);
const b = new Brain(0.001, 0, { sampler: (process.env.S ?? 'exact') as any });
b.addStimulus('s', 10000).addArea('A', 10_000_000, 10000, 0.1);
const times: number[] = [];
for (let i = 0; i < rounds; i++) {
  const t0 = performance.now(); const c0 = process.cpuUsage();
  if (i === 0) b.project({ s: ['A'] }, {}); else b.project({ s: ['A'] }, { A: ['A'] });
  times.push(performance.now() - t0); const cu = process.cpuUsage(c0); const cpu = (cu.user + cu.system) / 1000;
  process.stderr.write(`round ${i + 1}: ${times[i].toFixed(0)} ms cpu ${cpu.toFixed(0)} ms new=${b.areaInfo('A').numNewWinners} w=${b.support('A')}\n`);
}
const s = [...times].sort((a, b) => a - b);
console.log(`median ${s[s.length >> 1].toFixed(0)} max ${s[s.length - 1].toFixed(0)} mem ${JSON.stringify(b.memory())} rss ${(process.memoryUsage().rss / 1e6).toFixed(0)}MB`);

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bagOfWords, checkTextWithModel, importOnnxRuntime, loadOnnxClassifier, type LearnedClassifier } from './policy.onnx.js';
import { tinyBagOfWordsModel } from './policy.onnx.fixture.js';

const ort = await importOnnxRuntime();
const tmp = mkdtempSync(join(tmpdir(), 'policy-onnx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('checkTextWithModel (classifier interface, no runtime needed)', () => {
  const fake = (scores: Record<string, number>): LearnedClassifier => ({
    classify: async () => Object.entries(scores).map(([article, score]) => ({ article, score })),
  });
  it('adds a warn finding for a semantic article the rules missed', async () => {
    const f = await checkTextWithModel('Gjykata njofton publikun.', { classifier: fake({ '4.1': 0.9, '4.2': 0.1 }) });
    expect(f).toEqual([expect.objectContaining({ article: '4.1', ruleId: 'model.4.1', severity: 'warn', start: 0, end: 25 })]);
  });
  it('never adds non-semantic articles and respects 4.4c permission', async () => {
    const cls = fake({ '4.5': 0.99, '4.4c': 0.99 });
    expect(await checkTextWithModel('Tekst.', { classifier: cls, permissions: { decisionComment: true } })).toEqual([]);
  });
  it('without a classifier returns the rule findings (off by default)', async () => {
    const f = await checkTextWithModel('Nënshkruani peticionin!', { classifier: null });
    expect(f.map((x) => x.article)).toEqual(['4.4b', '4.4b'].slice(0, f.length));
  });
  it('a failing classifier does not break the check', async () => {
    const broken: LearnedClassifier = {
      classify: async () => {
        throw new Error('boom');
      },
    };
    expect(await checkTextWithModel('Gjykata njofton publikun.', { classifier: broken })).toEqual([]);
  });
  it('bag of words counts folded tokens', () => {
    const idx = new Map([
      ['mendoj', 0],
      ['se', 1],
    ]);
    expect(Array.from(bagOfWords('Unë MENDOJ se, mendoj se', idx, 3))).toEqual([2, 2, 0]);
  });
});

describe('ONNX classifier (onnxruntime-node)', () => {
  it.skipIf(ort === null)('runs a tiny hand-written ONNX model (bag of words → MatMul → Sigmoid)', async () => {
    // vocabulary: mendoj → 4.1, skandaloz → 4.4c, bias word "dhe" lowers everything
    const vocab = ['mendoj', 'skandaloz', 'dhe'];
    const model = join(tmp, 'tiny.onnx');
    writeFileSync(
      model,
      tinyBagOfWordsModel([
        [4, -4, -4, -4],
        [-4, -4, -4, 4],
        [-1, -1, -1, -1],
      ]),
    );
    const cls = (await loadOnnxClassifier({ modelPath: model, vocabulary: vocab }))!;
    const s = await cls.classify('Mendoj dhe');
    expect(s.map((x) => x.article)).toEqual(['4.1', '4.2', '4.3', '4.4c']);
    expect(s[0]!.score).toBeCloseTo(1 / (1 + Math.exp(-3)), 4);
    expect(s[1]!.score).toBeCloseTo(1 / (1 + Math.exp(5)), 4);
    const f = await checkTextWithModel('Ishte skandaloz.', { classifier: cls });
    expect(f.map((x) => x.ruleId)).toEqual(['model.4.4c']);
  });
  it.skipIf(ort !== null)(
    'SKIPPED REASON: onnxruntime-node is not installed (optional dependency) — the model test above cannot run',
    () => {
      expect(ort).toBeNull();
    },
  );
});

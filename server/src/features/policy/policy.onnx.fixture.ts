/**
 * Test helper: writes a tiny ONNX model by hand (protobuf encoded with a small varint writer):
 * input X float32 [1, V] → MatMul with a fixed initializer W [V, A] → Sigmoid → output Y [1, A].
 */

class Pb {
  private bytes: number[] = [];
  varint(v: number): this {
    let n = BigInt(v);
    do {
      let b = Number(n & 0x7fn);
      n >>= 7n;
      if (n > 0n) b |= 0x80;
      this.bytes.push(b);
    } while (n > 0n);
    return this;
  }
  tag(field: number, wire: number): this {
    return this.varint((field << 3) | wire);
  }
  int(field: number, v: number): this {
    return this.tag(field, 0).varint(v);
  }
  bytesField(field: number, data: Uint8Array | number[]): this {
    this.tag(field, 2).varint(data.length);
    for (const b of data) this.bytes.push(b);
    return this;
  }
  str(field: number, s: string): this {
    return this.bytesField(field, [...new TextEncoder().encode(s)]);
  }
  msg(field: number, m: Pb): this {
    return this.bytesField(field, m.done());
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

const FLOAT = 1;

function valueInfo(name: string, dims: number[]): Pb {
  const shape = new Pb();
  for (const d of dims) shape.msg(1, new Pb().int(1, d));
  const tensorType = new Pb().int(1, FLOAT).msg(2, shape);
  return new Pb().str(1, name).msg(2, new Pb().msg(1, tensorType));
}

/** ONNX bytes for Y = sigmoid(X · W), W given row-major as V rows of A columns. */
export function tinyBagOfWordsModel(weights: number[][]): Uint8Array {
  const v = weights.length;
  const a = weights[0]!.length;
  const raw = new Uint8Array(new Float32Array(weights.flat()).buffer);
  const init = new Pb().int(1, v).int(1, a).int(2, FLOAT).str(8, 'W').bytesField(9, raw);
  const matmul = new Pb().str(1, 'X').str(1, 'W').str(2, 'Z').str(3, 'matmul').str(4, 'MatMul');
  const sigmoid = new Pb().str(1, 'Z').str(2, 'Y').str(3, 'sigmoid').str(4, 'Sigmoid');
  const graph = new Pb()
    .msg(1, matmul)
    .msg(1, sigmoid)
    .str(2, 'tiny-bow')
    .msg(5, init)
    .msg(11, valueInfo('X', [1, v]))
    .msg(12, valueInfo('Y', [1, a]));
  return new Pb().int(1, 8).str(2, 'courtdesk-test').msg(7, graph).msg(8, new Pb().str(1, '').int(2, 13)).done();
}

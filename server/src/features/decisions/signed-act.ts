import { DECISION_PDF_MAX_BYTES, type PdfUpload } from '@courtdesk/contracts';
import { ValidationError } from '../../platform/http/errors.js';
import { sha256 } from '../../platform/ids.js';

export interface SignedAct {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/**
 * Checks an uploaded signed act (art. 3.1: "by special decisions"): strict base64, not empty, at most
 * 10 MiB, and a real PDF by its magic bytes — the file name and declared type are not trusted.
 */
export function readSignedAct(upload: PdfUpload, maxBytes = DECISION_PDF_MAX_BYTES): SignedAct {
  const b64 = upload.contentBase64.replace(/^data:application\/pdf;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) {
    throw new ValidationError('The signed act (art. 3.1) could not be read: the upload is not valid base64.');
  }
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw new ValidationError('The signed act (art. 3.1) is empty.');
  if (bytes.length > maxBytes) {
    throw new ValidationError(
      `The signed act (art. 3.1) is ${(bytes.length / 1_048_576).toFixed(1)} MB; the limit is ${Math.round(maxBytes / 1_048_576)} MB.`,
    );
  }
  if (!bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    throw new ValidationError('The signed act (art. 3.1) must be a PDF file; this file is not a PDF.');
  }
  const fileName = upload.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 200);
  return { fileName: fileName.toLowerCase().endsWith('.pdf') ? fileName : `${fileName}.pdf`, bytes, sha256: sha256(bytes) };
}

/** A file the engine cannot scan. The message says why in general terms and never quotes file content. */
export class ScanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanInputError';
  }
}

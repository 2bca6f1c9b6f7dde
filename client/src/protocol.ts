/**
 * The custom messages the client uses. Interim: server/src/protocol.ts (the shared module both sides will
 * import) did not exist when the client was written; these mirror the brief's contract and are replaced by
 * re-exports from it once it lands.
 */
import { RequestType } from 'vscode-languageclient/node';

export interface OutputFindingsParams {
  /** The notebook's URI as the server knows it (protocol form). */
  readonly uri: string;
}

/** One cell output that holds PHI; never the value, only where it is. */
export interface OutputFinding {
  readonly cellIndex: number;
  readonly outputIndex: number;
}

export const OutputFindingsRequest = new RequestType<OutputFindingsParams, OutputFinding[], void>('phisafe/outputFindings');

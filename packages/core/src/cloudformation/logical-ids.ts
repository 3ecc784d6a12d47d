/** The RestApi's logical id; `Ref` gives the API id. */
export const API = 'Api';
/** The Stage's logical id; `Ref` gives the stage name. */
export const STAGE = 'ApiStage';
/** The parameter naming the bucket function code too long to inline is uploaded to. */
export const ASSET_BUCKET = 'AssetBucket';

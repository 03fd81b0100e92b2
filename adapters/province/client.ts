import type {
  CreateDossierRequestDto,
  CreateDossierResponseDto,
  DossierCodeResponseDto,
  FileUploadRequestDto,
  FileUploadResponseDto,
  StatusResponseDto,
  TokenResponseDto,
} from './dto';
import { errorForStatus, ProvinceRetryableError } from './errors';
import { sign } from './signing';

export interface ProvinceClientConfig {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly signingSecret: string;
  /** Per request; a slow back end is a retryable failure, not a hung worker. */
  readonly timeoutMs: number;
}

/**
 * HTTP client for the provincial back end's contract (docs/province-contract.md). Every write carries an
 * Idempotency-Key, so a retry after a lost response finds what the first attempt created.
 */
export function createProvinceClient(config: ProvinceClientConfig) {
  let token: { value: string; expiresAt: number } | undefined;

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const timestamp = String(Date.now());
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-timestamp': timestamp,
      'x-signature': sign(config.signingSecret, timestamp, text),
    };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    if (path !== '/oauth/token') headers.authorization = `Bearer ${await accessToken()}`;
    let response: Response;
    try {
      response = await fetch(`${config.baseUrl}${path}`, {
        method,
        headers,
        body: method === 'POST' ? text : undefined,
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      // Timeouts, refused and reset connections: the request may or may not have been acted on.
      throw new ProvinceRetryableError(`No answer from the back end: ${(error as Error).message}`);
    }
    const raw = await response.text().catch(() => '');
    if (!response.ok) {
      if (response.status === 401) token = undefined;
      throw errorForStatus(response.status, raw, response.headers.get('retry-after'));
    }
    try {
      return JSON.parse(raw) as T;
    } catch {
      throw new ProvinceRetryableError('Unreadable answer from the back end');
    }
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 30_000) return token.value;
    const dto = await call<TokenResponseDto>('POST', '/oauth/token', {
      client_id: config.clientId,
      client_secret: config.clientSecret,
    });
    token = { value: dto.access_token, expiresAt: Date.now() + dto.expires_in * 1000 };
    return token.value;
  }

  return {
    /** Asks the back end to mint the dossier code; the same key always gets the same code. */
    requestDossierCode: (agencyCode: string, idempotencyKey: string) =>
      call<DossierCodeResponseDto>('POST', '/dossier-codes', { MaDonVi: agencyCode }, idempotencyKey),
    uploadFile: (file: FileUploadRequestDto, idempotencyKey: string) =>
      call<FileUploadResponseDto>('POST', '/files', file, idempotencyKey),
    createDossier: (dossier: CreateDossierRequestDto, idempotencyKey: string) =>
      call<CreateDossierResponseDto>('POST', '/dossiers', dossier, idempotencyKey),
    getStatus: (code: string) => call<StatusResponseDto>('GET', `/dossiers/${encodeURIComponent(code)}`),
  };
}

export type ProvinceClient = ReturnType<typeof createProvinceClient>;

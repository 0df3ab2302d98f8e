import { SERVER_VERSION } from '../discovery/version';

/**
 * A minimal Swagger 2.0 document. Clients use /openapi/v3; kubectl only reads v2 when v3 is
 * missing, and asks for it as protobuf (gnostic's openapi_v2.Document), so both encodings exist.
 */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

export function openApiV2Json(): object {
  return { swagger: '2.0', info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion }, paths: {}, definitions: {} };
}

/** Document{swagger = 1, info = 2 {title = 1, version = 2}, paths = 8 {}} in protobuf wire format. */
export function openApiV2Protobuf(): Buffer {
  const info = Buffer.concat([field(1, 'Kubernetes'), field(2, SERVER_VERSION.gitVersion)]);
  return Buffer.concat([field(1, '2.0'), field(2, info), field(8, Buffer.alloc(0))]);
}

/** A length-delimited field (wire type 2); every length here is below 128, so it fits one varint byte. */
function field(number: number, value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  if (bytes.length > 127) throw new Error('field too long for a one-byte length');
  return Buffer.concat([Buffer.from([(number << 3) | 2, bytes.length]), bytes]);
}

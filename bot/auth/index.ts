export { Authenticator, LOCAL_ONLY_REFUSAL, type AuthRequest, type AuthResult } from './requestIdentity';
export { isLocalCaller } from './localCaller';
export { SsoVerifier, InvalidToken, KeysUnavailable, issuersFor, type Identity } from './ssoVerifier';

export { Authenticator, isLoopback, type AuthRequest, type AuthResult } from './requestIdentity';
export { SsoVerifier, InvalidToken, KeysUnavailable, issuersFor, type Identity } from './ssoVerifier';

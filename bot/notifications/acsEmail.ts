import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import type { EmailMessage, EmailSender } from '../domain/webIntake/webEmail';

/**
 * Azure Communication Services Email over its REST API (`POST {endpoint}/emails:send`), with a
 * Microsoft Entra token from the app's managed identity: no access key, and no SDK beyond
 * @azure/identity. ACS answers 202 and sends asynchronously; a repeated request id makes a retried
 * POST send once.
 */
const ACS_API_VERSION = '2023-03-31';
const SCOPE = 'https://communication.azure.com//.default';

export class AcsEmailSender implements EmailSender {
  constructor(
    private readonly config: { endpoint: string; sender: string },
    private readonly credential: TokenCredential,
  ) {}

  async send(message: EmailMessage): Promise<void> {
    const token = await this.credential.getToken(SCOPE);
    if (!token) throw new Error('No token for Azure Communication Services');
    const url = `${this.config.endpoint.replace(/\/+$/, '')}/emails:send?api-version=${ACS_API_VERSION}`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token.token}`,
        'content-type': 'application/json',
        'repeatability-request-id': randomUUID(),
        'repeatability-first-sent': new Date().toUTCString(),
      },
      body: JSON.stringify({
        senderAddress: this.config.sender,
        recipients: { to: [{ address: message.to }] },
        content: { subject: message.subject, plainText: message.text },
      }),
      signal: AbortSignal.timeout(15_000),
    });
    if (response.status !== 202 && !response.ok) {
      throw new Error(`ACS Email answered ${response.status}`);
    }
  }
}

import { z } from 'zod';
import type { AdminHandler } from '../edge/types';
import type { SecretFaults } from '../faults';
import { LabError } from '../lab-error';

const rotateBody = z.object({ secretId: z.string().min(1) });

/** Lab-only admin routes of Secrets Manager, for the edge's `/_lab/<name>`. */
export function secretsAdminRoutes(faults: SecretFaults): Record<string, AdminHandler> {
  return {
    'faults/rotate-secret': async (body) => {
      const parsed = rotateBody.safeParse(body);
      if (!parsed.success) throw new LabError('BadRequest', 'Send {"secretId": "<name or ARN>"}.');
      await faults.rotateNow(parsed.data.secretId);
      return { rotated: parsed.data.secretId };
    },
  };
}

import { z } from 'zod';
import type { AdminHandler } from '../edge/types';
import type { DynamoFaults } from '../faults';
import { LabError } from '../lab-error';

const throttleBody = z.object({ share: z.number().min(0).max(1) });

/** Lab-only admin routes of the DynamoDB backend, for the edge's `/_lab/<name>`. */
export function dynamoAdminRoutes(faults: DynamoFaults): Record<string, AdminHandler> {
  return {
    'faults/dynamodb-throttle': async (body) => {
      const parsed = throttleBody.safeParse(body);
      if (!parsed.success) throw new LabError('BadRequest', 'Send {"share": <0..1>}, e.g. {"share": 0.5}.');
      faults.setThrottle(parsed.data.share);
      return { share: parsed.data.share };
    },
  };
}

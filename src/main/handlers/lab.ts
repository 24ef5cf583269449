import type { Handlers } from '../../shared/rpc';
import type { LabService } from '../lab/lab-service';

export function labHandlers(lab: LabService): Pick<Handlers, 'lab.overview' | 'lab.start' | 'lab.stop'> {
  return {
    'lab.overview': () => lab.overview(),
    'lab.start': async () => {
      await lab.start();
      return lab.overview();
    },
    'lab.stop': async () => {
      await lab.stop();
      return lab.overview();
    },
  };
}

import { runService } from '@restash/service-runtime';
import { InjectorModule } from './injector.module.js';

await runService({ name: 'injector', defaultHttpPort: 8082, module: InjectorModule });

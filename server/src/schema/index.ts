// The GraphQL schema: the builder plus every domain file, in one place.
import { builder } from './builder.ts';
import './scalars.ts';
import './organisation.ts';
import './admission.ts';
import './quota.ts';
import './risk.ts';

export const schema = builder.toSchema({ sortSchema: false });

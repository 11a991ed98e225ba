// The GraphQL schema: the builder plus every domain file, in one place.
import { builder } from './builder.ts';
import { describeGenerics } from './describe.ts';
import './scalars.ts';
import './organisation.ts';
import './organisations.ts';
import './admission.ts';
import './quota.ts';
import './risk.ts';
import './country.ts';
import './errors.ts';
import './member.ts';
import './member-writes.ts';
import './recognition.ts';
import './candidate.ts';
import './candidate-writes.ts';
import './pipeline.ts';
import './overdue.ts';
import './organisation-writes.ts';
import './quota-admin.ts';
import './supervision.ts';
import './audit.ts';
import './import.ts';
import './snapshot.ts';

export const schema = describeGenerics(builder.toSchema({ sortSchema: false }));

import { describeAuthorities } from '../workspaces/authoritySuite';
import { postgresDeployment } from '../workspaces/workspaceFixture';

describeAuthorities(postgresDeployment);

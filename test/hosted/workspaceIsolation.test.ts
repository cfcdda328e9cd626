import { describeWorkspaceIsolation } from '../workspaces/isolationSuite';
import { postgresDeployment } from '../workspaces/workspaceFixture';

describeWorkspaceIsolation(postgresDeployment);

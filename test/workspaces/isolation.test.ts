import { describeWorkspaceIsolation } from './isolationSuite';
import { sqliteDeployment } from './workspaceFixture';

describeWorkspaceIsolation(sqliteDeployment);

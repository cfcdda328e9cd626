import { describeAuthorities } from './authoritySuite';
import { sqliteDeployment } from './workspaceFixture';

describeAuthorities(sqliteDeployment);

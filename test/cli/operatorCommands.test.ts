import { dataFolderStore, describeOperatorCommands } from './operatorSuite';

describeOperatorCommands(dataFolderStore);

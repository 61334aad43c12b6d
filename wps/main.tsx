import { startWpsPane } from './taskpane';

void startWpsPane();

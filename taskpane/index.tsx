import { startTaskpane } from './main';

void startTaskpane();

import { wpsContractWorkbook } from './adapters';
import { describeHostContract } from './contract';

describeHostContract('WPS 表格 (window.Application over the in-memory WPS)', wpsContractWorkbook);

import { excelContractWorkbook } from './adapters';
import { describeHostContract } from './contract';

describeHostContract('Excel (office-js over the in-memory Excel)', excelContractWorkbook);

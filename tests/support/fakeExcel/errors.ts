/**
 * Errors shaped like OfficeExtension.Error (https://learn.microsoft.com/javascript/api/office/officeextension.error): a
 * `code` from Excel.ErrorCodes (https://learn.microsoft.com/javascript/api/excel/excel.errorcodes — AccessDenied,
 * ApiNotFound, InvalidArgument, InvalidOperation, InvalidOperationInCellEditMode, ItemAlreadyExists, ItemNotFound,
 * GeneralException, RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded …), a `message` in Office's UI
 * language (English here; a Chinese Office answers in Chinese, e.g. "请求负载大小已超过限制。") and `debugInfo`.
 * The adapter decides its words by the code only (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function accessDenied(sheet: string): FakeOfficeError {
  return new FakeOfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet}).`);
}

export function itemNotFound(what: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}.`);
}

export function invalidArgument(message: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. ${message}`);
}

/** Running the compiled validators that ship with the @kubernetes-models classes. */

/** The fields of an ajv error object that we read. */
export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export type ModelClass = new (data: unknown) => { validate(): void };

export function isModelClass(value: unknown): value is ModelClass {
  if (typeof value !== 'function') return false;
  const prototype: unknown = value.prototype;
  return typeof prototype === 'object' && prototype !== null && 'validate' in prototype && typeof prototype.validate === 'function';
}

/** The validator's complaints about `data`, or none when it is valid. */
export function modelErrors(Model: ModelClass, data: unknown): AjvError[] {
  try {
    new Model(data).validate();
    return [];
  } catch (error) {
    const errors = error instanceof Error && 'errors' in error ? error.errors : undefined;
    if (!Array.isArray(errors)) throw error;
    return errors.filter(isAjvError);
  }
}

function isAjvError(value: unknown): value is AjvError {
  if (typeof value !== 'object' || value === null) return false;
  return (
    'instancePath' in value &&
    typeof value.instancePath === 'string' &&
    'keyword' in value &&
    typeof value.keyword === 'string' &&
    'params' in value &&
    typeof value.params === 'object' &&
    value.params !== null
  );
}

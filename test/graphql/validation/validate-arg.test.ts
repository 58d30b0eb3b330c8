import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage, registerDecorator, type ValidationArguments } from 'class-validator';
import { CorporateCustomerInput, CreateCustomerInput, IndividualCustomerInput } from '../../../src/graphql/modules/customers/customer.input.js';
import { UserInputError } from '../../../src/graphql/errors.js';
import { validateArgument } from '../../../src/graphql/validation/validate-arg.js';

/** Names of the asynchronous rules declared on these classes (validateSync would skip them). */
function asynchronousRules(...classes: Function[]): string[] {
  const storage = getMetadataStorage();
  return classes.flatMap((target) =>
    storage
      .getTargetValidationMetadatas(target, '', true, false)
      .flatMap((metadata) => (metadata.constraintCls ? storage.getTargetValidatorConstraints(metadata.constraintCls) : []))
      .filter((constraint) => constraint.async)
      .map((constraint) => `${target.name}: ${constraint.name}`),
  );
}

class WithAsyncRule {
  value!: string;
}
registerDecorator({
  name: 'checkedLater',
  target: WithAsyncRule,
  propertyName: 'value',
  async: true,
  validator: { validate: async (value: unknown, _args?: ValidationArguments) => value === 'ok' },
});

describe('validateArgument', () => {
  it('is only given inputs whose rules are all synchronous (it validates synchronously)', () => {
    expect(asynchronousRules(CreateCustomerInput, IndividualCustomerInput, CorporateCustomerInput)).toEqual([]);
    // The check itself sees an asynchronous rule when there is one.
    expect(asynchronousRules(WithAsyncRule)).toEqual(['WithAsyncRule: checkedLater']);
  });

  it('lists every broken field with its dotted path, nested inputs included', () => {
    const input = Object.assign(new CreateCustomerInput(), {
      individual: Object.assign(new IndividualCustomerInput(), { email: 'not-an-email', firstName: ' ', lastName: 'Lovelace' }),
    });
    let thrown: unknown;
    try {
      validateArgument('input', input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserInputError);
    const paths = ((thrown as UserInputError).extensions.fieldErrors as Array<{ path: string }>).map((error) => error.path);
    expect([...new Set(paths)].sort()).toEqual(['input.individual.email', 'input.individual.firstName']);
  });

  it('accepts a valid input and ignores non-objects', () => {
    const input = Object.assign(new CreateCustomerInput(), {
      corporate: Object.assign(new CorporateCustomerInput(), { email: 'ops@example.com', companyName: 'Analytical Engines Ltd' }),
    });
    expect(() => validateArgument('input', input)).not.toThrow();
    expect(() => validateArgument('input', null)).not.toThrow();
  });
});

/**
 * The error `call` rejects with, checked to be an `errorClass`. A call that succeeds fails the test, and
 * any other error is rethrown as it came, so its own message shows.
 */
export async function rejectionOf<E extends Error>(
  call: Promise<unknown>,
  errorClass: abstract new (...args: never[]) => E,
): Promise<E> {
  try {
    await call;
  } catch (error) {
    if (error instanceof errorClass) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** Why a file was not imported; the message names the file so it reads well in a list of several. */
export class ImportRefusal extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName} was not imported: ${reason}.`);
    this.name = 'ImportRefusal';
  }
}

/** Numbers strings densely in order of first sight, so hot loops count and compare integers. */
export class Interner {
  /** Each string by its number. */
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(value: string): number {
    let number = this.numbers.get(value);
    if (number === undefined) {
      number = this.values.length;
      this.numbers.set(value, number);
      this.values.push(value);
    }
    return number;
  }
}

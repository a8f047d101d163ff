export class NativeBuildError extends Error {}
export function abiOfBinary(file: string): number;
export function assertAbi(file: string, expected: number, runtime: string): void;
export function checkNodeBuild(): string;
export function buildForElectron(): string;

export function electronBindingPath(root: string, electronVersion: string, arch: string): string;

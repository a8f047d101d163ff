export function electronBindingPath(root: string, electronVersion: string, arch: string): string;
export function packagedBindingSource(root: string): string;

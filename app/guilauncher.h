#pragma once

namespace llmos {

// Opens the workbench window (or, with --screenshot DIR, renders every page to PNG files
// and exits). Returns the process exit code. Refuses plainly, without hanging, when there
// is no display to open a window on.
int runWorkbench(int argc, char **argv);

} // namespace llmos

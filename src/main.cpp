// amity: one binary that serves the API and web UI and has the administration commands.
#include "cli/run.h"

int main(int argc, char** argv) { return amity::cli::Run(argc, argv); }

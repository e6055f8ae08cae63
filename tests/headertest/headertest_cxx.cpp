/* The public headers compile as C++ (extern "C" blocks, no C-only syntax). */
#include "docpipe/docpipe.h"
#include "docpipe/extract.h"
#include "docpipe/plugin.h"

int main(void) { return docpipe_version() == DOCPIPE_VERSION ? 0 : 1; }

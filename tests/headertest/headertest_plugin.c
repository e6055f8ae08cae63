/* docpipe/plugin.h compiles first, alone (it includes what it needs). */
#include "docpipe/plugin.h"

int headertest_plugin(void);
int headertest_plugin(void) { return DOCPIPE_VERSION > 0; }

/* Test plugins that the loader must refuse or accept, one source built
 * several ways (see CMakeLists.txt):
 *   BAD_ABI      the descriptor says abi_version 999
 *   NO_ENTRY     no docpipe_plugin_entry symbol at all
 *   NULL_ENTRY   docpipe_plugin_entry returns NULL
 *   NO_CALLBACK  no read, write or filter
 *   NAME         the plugin name (a duplicate when two share it) */
#include "docpipe/plugin.h"

#ifndef NO_CALLBACK
static int S_filter(docpipe_doc *doc, const docpipe_args *args, docpipe_error *err) {
  (void)args;
  (void)err;
  return docpipe_value_set_string(docpipe_doc_meta(doc), "touched_by", NAME);
}
#endif

static const docpipe_plugin S_plugin = {
#ifdef BAD_ABI
    .abi_version = 999,
#else
    .abi_version = DOCPIPE_ABI_VERSION,
#endif
    .name = NAME,
    .version = "0",
    .description = "loader test plugin",
#ifndef NO_CALLBACK
    .filter = S_filter,
#endif
};

#ifndef NO_ENTRY
DOCPIPE_PLUGIN_ENTRY const docpipe_plugin *docpipe_plugin_entry(void) {
#ifdef NULL_ENTRY
  return (void)S_plugin, NULL;
#else
  return &S_plugin;
#endif
}
#else
DOCPIPE_PLUGIN_ENTRY const docpipe_plugin *some_other_symbol(void) { return &S_plugin; }
#endif

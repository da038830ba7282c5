#ifndef LEREND_CLIBXML2_SHIM_H
#define LEREND_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU. Foundation brings its own ICU module, and
// the two definitions of `UErrorCode` clash in a clean build. Including
// xmlversion.h first and switching the ICU flag off keeps libxml2's ICU
// declarations out; `xmlCharEncodingHandler` becomes opaque, which is fine.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as not
/// concurrency-safe; this wrapper calls it.
static inline void lerend_xml_free(void *pointer) { xmlFree(pointer); }

#endif

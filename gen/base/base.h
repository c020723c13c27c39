/* base.h — what every subsystem of circgen uses: diagnostics (diag.h), the one
 * safe XML loader with source positions (xmlload.h), atomic output files
 * (output.h) and where circgen's data lives (paths.h).
 *
 * The public header of gen/base/: the layers above include this file only.
 * base depends on GLib and libxml2 and on nothing else of circgen.
 */
#ifndef CG_BASE_H
#define CG_BASE_H

#include "diag.h"
#include "xmlload.h"
#include "output.h"
#include "paths.h"

#endif

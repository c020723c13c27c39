#ifndef CG_VERSION_H
#define CG_VERSION_H
#define CIRCGEN_VERSION "0.1.0"
#endif

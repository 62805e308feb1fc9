/* filmmeta._json.untrack: take a decoded film's objects out of the garbage collector's
 * sight, as CPython does for tuples and dicts that hold only atomic values.
 *
 * Only the compiled build has this module (docs/performance.md, "The compiled build").
 * The cyclic garbage collector walks every tracked object again and again while a
 * program allocates, and a film holds some twenty small frozen objects: for a catalog
 * kept in memory that walk costs as much as decoding. An object that cannot be part of
 * a reference cycle does not need it. A frozen model object built by the decoder cannot:
 * it is built after everything it refers to and never changes, so nothing it refers to
 * can refer back to it.
 *
 * The rule, checked object by object from the leaves up: an instance of one of the
 * model's classes (set_kinds) is untracked once every object it refers to is untracked,
 * is not tracked by the collector at all (str, int, Decimal, date, ...), or is one of the
 * long-lived constants it may name (set_constants: enum members, certification systems).
 * Anything else it refers to (a list, a dict, a user's object) keeps it tracked, so a
 * cycle made through such a value is still found and freed. A tuple is untracked on the
 * same rule, which is CPython's own. Nothing about the objects' values changes.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Deeper than any film; past it, objects are left tracked. */
#define MAX_DEPTH 32

static PyObject *kinds = NULL;     /* frozenset of classes whose instances may be untracked */
static PyObject *constants = NULL; /* frozenset of classes of constants that may be named */

typedef struct {
    PyObject *owner;
    int depth;
    int blocked; /* a referent that must stay visible to the collector */
} Visit;

static void walk(PyObject *obj, int depth);

static int
still_watched(PyObject *obj)
{
    return PyObject_IS_GC(obj) && PyObject_GC_IsTracked(obj) &&
           PySet_Contains(constants, (PyObject *)Py_TYPE(obj)) != 1;
}

static int
visit(PyObject *referent, void *arg)
{
    Visit *state = (Visit *)arg;
    /* An instance of a class defined in Python refers to its class. */
    if (referent == (PyObject *)Py_TYPE(state->owner)) {
        return 0;
    }
    walk(referent, state->depth + 1);
    if (still_watched(referent)) {
        state->blocked = 1;
    }
    return 0;
}

static void
walk(PyObject *obj, int depth)
{
    if (depth > MAX_DEPTH || !PyObject_IS_GC(obj) || !PyObject_GC_IsTracked(obj)) {
        return;
    }
    if (PyTuple_CheckExact(obj)) {
        int blocked = 0;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(obj); i++) {
            PyObject *item = PyTuple_GET_ITEM(obj, i);
            walk(item, depth + 1);
            if (still_watched(item)) {
                blocked = 1;
            }
        }
        if (!blocked) {
            PyObject_GC_UnTrack(obj);
        }
        return;
    }
    if (PySet_Contains(kinds, (PyObject *)Py_TYPE(obj)) != 1) {
        return;
    }
    Visit state = {obj, depth, 0};
    Py_TYPE(obj)->tp_traverse(obj, visit, &state);
    if (!state.blocked) {
        PyObject_GC_UnTrack(obj);
    }
}

static PyObject *
untrack(PyObject *module, PyObject *obj)
{
    if (kinds == NULL || constants == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "untrack: set_kinds() was not called");
        return NULL;
    }
    walk(obj, 0);
    return Py_NewRef(obj);
}

static PyObject *
set_kinds(PyObject *module, PyObject *args)
{
    PyObject *new_kinds, *new_constants;
    if (!PyArg_ParseTuple(args, "O!O!:set_kinds", &PyFrozenSet_Type, &new_kinds,
                          &PyFrozenSet_Type, &new_constants)) {
        return NULL;
    }
    Py_XSETREF(kinds, Py_NewRef(new_kinds));
    Py_XSETREF(constants, Py_NewRef(new_constants));
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"untrack", untrack, METH_O,
     "untrack(obj) -> obj: untrack obj and what it holds, where no cycle can pass."},
    {"set_kinds", set_kinds, METH_VARARGS,
     "set_kinds(kinds, constants): the classes whose instances may be untracked, and\n"
     "the classes of the constants they may refer to and stay untracked."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "filmmeta._json.untrack",
    "Untrack decoded films from the cyclic garbage collector (the compiled build).", -1,
    methods,
};

PyMODINIT_FUNC
PyInit_untrack(void)
{
    return PyModule_Create(&module);
}

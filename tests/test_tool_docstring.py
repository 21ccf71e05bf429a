"""Tool docstrings: descriptions and parameter descriptions in Google, NumPy and reST style."""

from inspect_ai._tool.docstring import parse_docstring

GOOGLE = """
    Tool for adding two numbers.

    Adds them exactly.

    Args:
        x (int): First number to add.
        y (int, optional): Second number
            to add.
        *extra: Ignored.

    Returns:
        The sum of the two numbers.
    """

NUMPY = """Add two numbers.

    Parameters
    ----------
    x : int
        First number to add.
    y : int, optional
        Second number
        to add.
    a, b : str
        Labels.

    Returns
    -------
    int
        The sum.
    """

REST = """Add two numbers.

    :param x: First number to add.
    :type x: int
    :param int y: Second number
        to add.
    :returns: The sum.
    :rtype: int
    """


def test_google_style() -> None:
    doc = parse_docstring(GOOGLE)
    assert doc.description == "Tool for adding two numbers.\n\nAdds them exactly."
    assert doc.params["x"].description == "First number to add."
    assert doc.params["x"].type == "int"
    assert doc.params["y"].description == "Second number\nto add."
    assert doc.params["y"].type == "int"
    assert doc.params["extra"].description == "Ignored."
    assert set(doc.params) == {"x", "y", "extra"}


def test_google_style_without_types_and_other_sections() -> None:
    doc = parse_docstring(
        """List the files in a directory.

        Example usage: list it.

        Args:
            dir: Directory

        Raises:
            OSError: when it is missing.
        """
    )
    assert doc.description == "List the files in a directory.\n\nExample usage: list it."
    assert set(doc.params) == {"dir"}
    assert doc.params["dir"].description == "Directory"
    assert doc.params["dir"].type is None


def test_numpy_style() -> None:
    doc = parse_docstring(NUMPY)
    assert doc.description == "Add two numbers."
    assert doc.params["x"].description == "First number to add."
    assert doc.params["x"].type == "int"
    assert doc.params["y"].description == "Second number\nto add."
    assert doc.params["y"].type == "int"
    assert doc.params["a"].description == doc.params["b"].description == "Labels."
    assert set(doc.params) == {"x", "y", "a", "b"}


def test_rest_style() -> None:
    doc = parse_docstring(REST)
    assert doc.description == "Add two numbers."
    assert doc.params["x"].description == "First number to add."
    assert doc.params["x"].type == "int"
    assert doc.params["y"].description == "Second number\nto add."
    assert doc.params["y"].type == "int"
    assert set(doc.params) == {"x", "y"}


def test_no_docstring() -> None:
    doc = parse_docstring(None)
    assert doc.description == ""
    assert doc.params == {}
    assert parse_docstring("Just a description.").description == "Just a description."

"""The sample report written once per font set, shared by the .docx structure tests."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from zhenwu.documents import write_docx
from zhenwu.documents.sample import sample_document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


@pytest.fixture(scope="session")
def sample():
    return sample_document()


@pytest.fixture(scope="session", params=["gov", "windows"])
def fonts(request):
    return request.param


@pytest.fixture(scope="session")
def sample_bytes(sample, fonts) -> bytes:
    return write_docx(sample, fonts=fonts, comments=True)


@pytest.fixture(scope="session")
def gov_bytes(sample) -> bytes:
    return write_docx(sample, fonts="gov", comments=True)


@pytest.fixture
def package(gov_bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(gov_bytes))


@pytest.fixture
def opened(gov_bytes):
    return docx.Document(io.BytesIO(gov_bytes))


def part_xml(package: zipfile.ZipFile, name: str):
    return etree.fromstring(package.read(name))

"""Signatures in a worker load datasketch's MinHash without its indexes (no scipy), bit for bit the same."""
import subprocess
import sys
import textwrap

from newskit.dedupe import shingles, signature

TEXT = "".join(f"第{i}家公司于{2000 + i}年发布了第{i * 7}代大模型产品,称其在{i}个行业场景中的表现优于同类产品。" for i in range(40))


def test_worker_signature_skips_the_index_imports_and_matches_datasketch():
    code = textwrap.dedent(f"""
        import sys
        from newskit.dedupe import signature
        sig = signature({TEXT!r})
        assert "scipy" not in sys.modules and "datasketch" not in sys.modules, "index modules were imported"
        from datasketch import MinHashLSH  # the real package still loads afterwards
        assert MinHashLSH is not None
        sys.stdout.write(sig.hex())
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    import zlib

    from datasketch import MinHash

    m = MinHash(num_perm=128, hashfunc=zlib.crc32, scheme="affine32")
    m.update_batch(list(shingles(TEXT)))
    expected = m.hashvalues.astype("<u8").tobytes()
    assert bytes.fromhex(out) == expected == signature(TEXT)
    assert len(expected) == 128 * 8

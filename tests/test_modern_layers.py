"""Reference counts of the modern recurrent layers (tests/modern_layers.py): each torch module,
written from the official code, at two sizes, against its closed form; the official packages'
counts where they import on CPU (xlstm, kept as data); mamba-ssm's Mamba(d_model=768)."""
import pytest

import modern_layers as M

torch = pytest.importorskip("torch")

CASES = [(name, i) for name in M.BUILDERS for i in range(len(M.SIZES[name]))]


def test_every_layer_has_two_sizes():
    assert set(M.SIZES) == set(M.BUILDERS)
    for name, sizes in M.SIZES.items():
        assert len(sizes) == 2 and sizes[0] != sizes[1], name


@pytest.mark.parametrize("name,i", CASES)
def test_reference_module_equals_closed_form(name, i):
    sizes = M.SIZES[name][i]
    assert M.count(name, sizes) == M.formula(name, sizes)


def test_mamba_768_is_what_mamba_ssm_holds():
    # Mamba(d_model=768): d_inner 1536, dt_rank ceil(768/16) = 48, d_state 16, d_conv 4
    assert M.count("mamba", dict(d=768, N=16, E=2, R=48, K=4)) == 3_770_880


@pytest.mark.parametrize("key,value", sorted(M.OFFICIAL.items()))
def test_xlstm_blocks_equal_the_official_package(key, value):
    name, i = key
    assert M.count(name, M.SIZES[name][i]) == value


def test_official_xlstm_package_when_installed():
    xlstm = pytest.importorskip("xlstm")  # not a dependency: the counts above are its answers
    from xlstm.blocks.mlstm.block import mLSTMBlock, mLSTMBlockConfig
    from xlstm.blocks.mlstm.layer import mLSTMLayerConfig
    for i, s in enumerate(M.SIZES["xlstm-mlstm-block"]):
        cfg = mLSTMBlockConfig(mlstm=mLSTMLayerConfig(embedding_dim=s["d"], context_length=16, num_heads=s["H"],
                                                      conv1d_kernel_size=s["K"], qkv_proj_blocksize=s["S"],
                                                      proj_factor=s["H"] * s["P"] / s["d"]), _num_blocks=1)
        cfg.__post_init__()
        assert sum(p.numel() for p in mLSTMBlock(cfg).parameters()) == M.OFFICIAL[("xlstm-mlstm-block", i)]
    assert xlstm

<?xml version="1.0" encoding="UTF-8"?>
<!-- The shared block markup (common/block.rng) as XSL-FO, for every document type,
     in mode "block". Included by a type's fo.xsl, which defines $lang, $align,
     $heading-font, $accent (as for fo-inline.xsl) and includes common/block.xsl
     (through its common stylesheet). $srcdir is the source's folder (passed by
     circgen), where figures' images are.

     Structure roles: lists are L / LI / Lbl / LBody (the engine's defaults for
     fo:list-block), tables Table / TR / TH (header rows) / TD with the caption a
     Caption, footnotes Note, headings H2-H4, figures Figure with the alternate text. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:cx="urn:circgen:fo-extensions"
                exclude-result-prefixes="cx">

  <xsl:param name="srcdir" select="'.'"/>

  <!-- The space between the number of a paragraph and its text, by level. -->
  <xsl:template name="para-indent">
    <xsl:param name="level"/>
    <xsl:choose>
      <xsl:when test="$level = 1">10mm</xsl:when>
      <xsl:when test="$level = 2">13mm</xsl:when>
      <xsl:otherwise>16mm</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A numbered paragraph written as text: the number, then the text at a fixed
       indent (hanging). -->
  <xsl:template match="*[local-name() = 'para'][@id]" mode="block">
    <xsl:variable name="level"><xsl:call-template name="para-level"/></xsl:variable>
    <xsl:variable name="indent"><xsl:call-template name="para-indent"><xsl:with-param name="level" select="$level"/></xsl:call-template></xsl:variable>
    <fo:list-block provisional-distance-between-starts="{$indent}" provisional-label-separation="2mm"
                   space-after="6pt" text-align="{$align}">
      <fo:list-item id="{@id}">
        <fo:list-item-label end-indent="label-end()"><fo:block><xsl:call-template name="para-number"/></fo:block></fo:list-item-label>
        <fo:list-item-body start-indent="body-start()"><fo:block role="P"><xsl:apply-templates mode="inline"/></fo:block></fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

  <!-- A numbered paragraph written as blocks: the number beside its first block,
       the other blocks at the text's indent, then its sub-paragraphs at the margin. -->
  <xsl:template match="*[local-name() = 'para'][not(@id)]" mode="block">
    <xsl:variable name="level"><xsl:call-template name="para-level"/></xsl:variable>
    <xsl:variable name="indent"><xsl:call-template name="para-indent"><xsl:with-param name="level" select="$level"/></xsl:call-template></xsl:variable>
    <xsl:variable name="own" select="*[local-name() != 'para']"/>
    <fo:block>
      <fo:list-block provisional-distance-between-starts="{$indent}" provisional-label-separation="2mm"
                     text-align="{$align}">
        <xsl:if test="not($own[2])"><xsl:attribute name="space-after">6pt</xsl:attribute></xsl:if>
        <xsl:if test="$own[1][local-name() = 'p']"><xsl:attribute name="keep-with-next.within-page">always</xsl:attribute></xsl:if>
        <fo:list-item>
          <fo:list-item-label end-indent="label-end()"><fo:block><xsl:call-template name="para-number"/></fo:block></fo:list-item-label>
          <fo:list-item-body start-indent="body-start()">
            <xsl:apply-templates select="$own[1]" mode="block"/>
          </fo:list-item-body>
        </fo:list-item>
      </fo:list-block>
      <xsl:if test="$own[2]">
        <fo:block text-align="{$align}" space-after="6pt">
          <xsl:attribute name="margin-{$start-edge}"><xsl:value-of select="$indent"/></xsl:attribute>
          <xsl:apply-templates select="$own[position() > 1]" mode="block"/>
        </fo:block>
      </xsl:if>
      <xsl:apply-templates select="*[local-name() = 'para']" mode="block"/>
    </fo:block>
  </xsl:template>

  <!-- An unnumbered paragraph. -->
  <xsl:template match="*[local-name() = 'p']" mode="block">
    <fo:block id="{@id}" space-after="6pt" text-align="{$align}" widows="2" orphans="2" role="P">
      <xsl:if test="parent::*[local-name() = 'item' or local-name() = 'cell']">
        <xsl:attribute name="space-after">3pt</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="inline"/>
    </fo:block>
  </xsl:template>

  <!-- Lists: hanging labels; a nested list is indented by its parent's body. -->
  <xsl:template match="*[local-name() = 'list']" mode="block">
    <fo:list-block provisional-label-separation="2mm" space-after="6pt" text-align="{$align}">
      <xsl:attribute name="provisional-distance-between-starts">
        <xsl:choose>
          <xsl:when test="@type = 'number' or @type = 'letter'">8mm</xsl:when>
          <xsl:otherwise>6mm</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="parent::*[local-name() = 'item']">
        <xsl:attribute name="space-before">3pt</xsl:attribute>
        <xsl:attribute name="space-after">0pt</xsl:attribute>
      </xsl:if>
      <xsl:for-each select="*[local-name() = 'item']">
        <fo:list-item space-after="3pt">
          <xsl:if test="position() = last()"><xsl:attribute name="space-after">0pt</xsl:attribute></xsl:if>
          <fo:list-item-label end-indent="label-end()"><fo:block><xsl:call-template name="item-label"/></fo:block></fo:list-item-label>
          <fo:list-item-body start-indent="body-start()">
            <xsl:choose>
              <xsl:when test="@id">
                <fo:block id="{@id}"><xsl:apply-templates mode="inline"/></fo:block>
              </xsl:when>
              <xsl:otherwise><xsl:apply-templates select="*" mode="block"/></xsl:otherwise>
            </xsl:choose>
          </fo:list-item-body>
        </fo:list-item>
      </xsl:for-each>
    </fo:list-block>
  </xsl:template>

  <!-- Tables: ruled cells; the head rows repeat on every page; rows kept whole. -->
  <xsl:template match="*[local-name() = 'table']" mode="block">
    <fo:block space-before="4pt" space-after="8pt" font-size="11pt" text-align="start">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:for-each select="*[local-name() = 'caption']">
        <fo:block id="{@id}" font-family="{$heading-font}" font-weight="bold" text-align="center"
                  space-after="4pt" keep-with-next.within-page="always" role="Caption">
          <xsl:apply-templates mode="inline"/>
        </fo:block>
      </xsl:for-each>
      <!-- A table inside an indented block (a numbered paragraph, a list item) takes the
           width between the block's indents (width auto: the available width, where
           100% would be the whole column from the indent on), and its cells start at
           their own edges: start-indent and end-indent are inherited and measured from
           each cell's reference area, so they are reset for the rows. -->
      <fo:table table-layout="fixed" border-collapse="collapse" border="0.5pt solid black">
        <xsl:call-template name="table-columns"/>
        <xsl:if test="*[local-name() = 'head']">
          <fo:table-header start-indent="0pt" end-indent="0pt">
            <xsl:apply-templates select="*[local-name() = 'head']/*[local-name() = 'row']" mode="block"/>
          </fo:table-header>
        </xsl:if>
        <fo:table-body start-indent="0pt" end-indent="0pt">
          <xsl:apply-templates select="*[local-name() = 'row']" mode="block"/>
        </fo:table-body>
      </fo:table>
    </fo:block>
  </xsl:template>

  <xsl:template name="table-column">
    <xsl:param name="width"/>
    <fo:table-column column-width="proportional-column-width({$width})"/>
  </xsl:template>

  <xsl:template match="*[local-name() = 'row']" mode="block">
    <fo:table-row keep-together.within-page="always">
      <xsl:for-each select="*[local-name() = 'cell']">
        <xsl:variable name="head" select="boolean(ancestor::*[local-name() = 'head'])"/>
        <xsl:variable name="align"><xsl:call-template name="cell-align"/></xsl:variable>
        <fo:table-cell border="0.5pt solid black" padding="3pt 4pt">
          <xsl:if test="@colspan"><xsl:attribute name="number-columns-spanned"><xsl:value-of select="@colspan"/></xsl:attribute></xsl:if>
          <xsl:if test="@rowspan"><xsl:attribute name="number-rows-spanned"><xsl:value-of select="@rowspan"/></xsl:attribute></xsl:if>
          <xsl:if test="string($align) != ''"><xsl:attribute name="text-align"><xsl:value-of select="$align"/></xsl:attribute></xsl:if>
          <xsl:if test="$head">
            <xsl:attribute name="background-color">#e6edf3</xsl:attribute>
            <xsl:attribute name="font-family"><xsl:value-of select="$heading-font"/></xsl:attribute>
            <xsl:attribute name="font-weight">bold</xsl:attribute>
            <xsl:attribute name="display-align">after</xsl:attribute>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="@id">
              <fo:block id="{@id}"><xsl:apply-templates mode="inline"/></fo:block>
            </xsl:when>
            <xsl:when test="*"><xsl:apply-templates select="*" mode="block"/></xsl:when>
            <xsl:otherwise><fo:block/></xsl:otherwise>
          </xsl:choose>
        </fo:table-cell>
      </xsl:for-each>
    </fo:table-row>
  </xsl:template>

  <!-- A footnote's text is set where it is called (footnote-ref), not where it is written. -->
  <xsl:template match="*[local-name() = 'footnote']" mode="block"/>

  <xsl:template match="*[local-name() = 'footnote-ref']" mode="inline">
    <xsl:variable name="n"><xsl:call-template name="footnote-number"><xsl:with-param name="call" select="."/></xsl:call-template></xsl:variable>
    <fo:footnote>
      <fo:inline baseline-shift="super" font-size="7.5pt"><xsl:value-of select="$n"/></fo:inline>
      <fo:footnote-body>
        <xsl:for-each select="key('footnote-by-id', @ref)[1]">
          <fo:block id="{@id}" font-size="10pt" line-height="1.25" text-align="{$align}" font-weight="normal"
                    font-style="normal" font-family="{$body-font}" start-indent="5mm" text-indent="-5mm"
                    end-indent="0pt" space-before="2pt" role="Note">
            <fo:inline baseline-shift="super" font-size="7pt"><xsl:value-of select="$n"/></fo:inline>
            <fo:leader leader-pattern="space" leader-length="3mm"/>
            <xsl:apply-templates mode="inline"/>
          </fo:block>
        </xsl:for-each>
      </fo:footnote-body>
    </fo:footnote>
  </xsl:template>

  <!-- A figure: the image centred, its caption below. -->
  <xsl:template match="*[local-name() = 'figure']" mode="block">
    <fo:block space-before="6pt" space-after="8pt" text-align="center" keep-together.within-page="always">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <fo:block>
        <fo:external-graphic src="url('{$srcdir}/{@src}')" cx:alt-text="{normalize-space(*[local-name() = 'alt'])}">
          <xsl:choose>
            <xsl:when test="@width">
              <xsl:attribute name="width"><xsl:value-of select="@width"/></xsl:attribute>
              <xsl:attribute name="content-width">scale-to-fit</xsl:attribute>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="content-width">scale-down-to-fit</xsl:attribute>
              <xsl:attribute name="width">100%</xsl:attribute>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:attribute name="content-height">scale-to-fit</xsl:attribute>
        </fo:external-graphic>
      </fo:block>
      <xsl:for-each select="*[local-name() = 'caption']">
        <fo:block id="{@id}" font-size="10pt" space-before="3pt" role="Caption">
          <xsl:if test="$italic-ok"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
          <xsl:apply-templates mode="inline"/>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- Headings inside an annex: level 1-3, tagged H2-H4 (the annex's heading is H1). -->
  <xsl:template match="*[local-name() = 'heading']" mode="block">
    <xsl:variable name="level" select="number(concat('0', @level)) + not(@level)"/>
    <fo:block id="{@id}" font-family="{$heading-font}" font-weight="bold" keep-with-next.within-page="always"
              space-before="12pt" space-after="6pt" role="H{$level + 1}">
      <xsl:if test="$level = 1"><xsl:attribute name="font-size">12.5pt</xsl:attribute></xsl:if>
      <xsl:if test="$level = 3">
        <xsl:attribute name="space-before">8pt</xsl:attribute>
        <xsl:if test="$italic-ok">
          <xsl:attribute name="font-weight">normal</xsl:attribute>
          <xsl:attribute name="font-style">italic</xsl:attribute>
        </xsl:if>
      </xsl:if>
      <xsl:apply-templates mode="inline"/>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
